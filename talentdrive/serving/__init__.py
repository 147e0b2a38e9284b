"""The commands that serve the site (``serve``): one home, for the embedded default and for production."""
