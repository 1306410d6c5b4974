"""The extraction pipeline: spaCy plus newsgraph components registered by name."""
