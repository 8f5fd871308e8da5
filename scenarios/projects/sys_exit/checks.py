"""Validation helpers that give up with sys.exit, as command-line tools do."""
import sys


def require(condition, message):
    """Exit with the message (status 1) unless condition holds."""
    if not condition:
        sys.exit(message)
