"""Settings other modules read, changed by the program that imports them."""
DEBUG = False
RETRIES = 3


def describe():
    """What the settings are now: the module's globals, as assigned from outside."""
    return f"debug={DEBUG} retries={RETRIES}"
