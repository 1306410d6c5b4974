"""Cross-document entity resolution: ``linker`` links each document's entities to the store's nodes,
``curate`` holds the curation commands (merge, split, alias) that correct it, ``kb`` imports known
actors."""
