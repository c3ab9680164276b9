"""Scoring pactwatch's output against public test material and gold labels."""
