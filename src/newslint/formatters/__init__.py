"""Output formatters, registered through the ``newslint_register_formatters`` hook."""
