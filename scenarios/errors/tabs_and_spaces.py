# divergence: syntax errors exit 2 in scenario (CPython exits 1); the message is CPython's
if True:
        x = 1
	y = 2
