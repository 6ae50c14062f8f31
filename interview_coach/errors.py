"""The one exception type that means "the user gave us something we cannot use".

Interfaces turn it into a single sentence on stderr and exit status 2; anything
else escaping is a bug, not bad input.
"""


class UserError(Exception):
    """Bad input from the user (a file, an argument, an answer), told in one sentence."""
