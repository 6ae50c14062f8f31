"""Small reusable widgets: each keeps its DEFAULT_CSS and messages inside its class."""
