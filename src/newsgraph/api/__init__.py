"""The REST API and the web page (FastAPI): ``create_app(db)`` serves both; ``newsgraph serve`` runs it."""
