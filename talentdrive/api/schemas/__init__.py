"""Request and response shapes of the REST API."""
