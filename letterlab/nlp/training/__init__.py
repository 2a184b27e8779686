"""Training recipe for letterlab's bundled Danish pipeline (``letterlab model train``)."""
