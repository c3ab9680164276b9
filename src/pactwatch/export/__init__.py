"""Exports that other tools read: GDELT 2.0 event files and plain tables (CSV, JSON, Parquet)."""
