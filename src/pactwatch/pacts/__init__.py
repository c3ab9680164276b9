"""Commitments between states: the baseline table, extraction from news, and the commitment graph."""
