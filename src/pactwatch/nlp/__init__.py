"""Understanding articles: actors, quotes, events (and, via pactwatch.pacts, commitments)."""
