"""Exporters, one module per format; each has ``write(graph, path)``."""

from newsgraph.export import csv_files, ftm, gexf, graphml, neo4j, plover

#: format name -> writer
FORMATS = {"graphml": graphml.write, "gexf": gexf.write, "csv": csv_files.write, "ftm": ftm.write, "neo4j": neo4j.write, "plover": plover.write}

__all__ = ["FORMATS"]
