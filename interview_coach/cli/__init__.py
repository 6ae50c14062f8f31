"""The command-line interface: one ``interview-coach`` entry point, thin over the coach."""
