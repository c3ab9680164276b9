"""pactwatch: who did what to whom, and who has pledged to defend whom, read from the news."""

__version__ = "0.1.0"
