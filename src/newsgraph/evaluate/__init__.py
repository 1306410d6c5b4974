"""Converters from public gold data sets to newsgraph's input documents and edge gold (scored by shared/tools/score.py)."""
