"""Batch builds: every article of a folder in parallel processes (or on a Dask cluster), incremental.

``run_batch`` discovers inputs, skips unchanged ones (content-hash cache), builds the rest through
an executor, writes the outputs atomically and returns a report; one failing article never stops
the others.
"""
