"""Reading articles from files and JSON lines into records ``{"id", "text", "title", "published", "url"}``."""

from newsgraph.ingest.reader import read_jsonl, read_jsonl_file, read_path, read_text_file
from newsgraph.ingest.text import InputError

__all__ = ["InputError", "read_jsonl", "read_jsonl_file", "read_path", "read_text_file"]
