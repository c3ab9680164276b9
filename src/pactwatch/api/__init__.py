"""The HTTP API and the web page (``pactwatch serve``)."""

from pactwatch.api.app import create_app

__all__ = ["create_app"]
