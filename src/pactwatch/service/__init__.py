"""The library layer every face calls: the CLI, the HTTP API and a Python user.

``service.ingest`` reads, annotates and stores articles and refreshes the tables derived from
them; the faces only parse their options and present the result.
"""
