"""Trained pipelines shipped with newsgraph (``en_news_ner``: see ``training/`` and ``make train``)."""
