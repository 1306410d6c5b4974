"""newsgraph: news in, an evidence-backed graph of who does what to whom out.

    >>> from newsgraph import extract
    >>> doc = extract("France's president met Germany's chancellor in Berlin on Monday.", published="2024-05-27")
    >>> doc["events"][0]["type"]
    'CONSULT'
"""
from newsgraph.extract import extract, extract_many

__all__ = ["extract", "extract_many"]
__version__ = "0.1.0"
