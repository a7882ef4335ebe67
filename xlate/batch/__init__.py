"""Batch runs over folders: planning, executors (local, Ray), the run and its summary data."""
