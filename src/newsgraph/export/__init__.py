"""Exporters, one module per format; each has ``write(graph, path)``."""
from newsgraph.export import csv_files, gexf, graphml

#: format name -> writer
FORMATS = {"graphml": graphml.write, "gexf": gexf.write, "csv": csv_files.write}

__all__ = ["FORMATS"]
