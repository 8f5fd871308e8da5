"""`a << n` past what memory holds: MemoryError, or, past the most digits a CPython int can
have, OverflowError: too many digits in integer (the boundary is 2,305,843,009,213,693,945
thirty-bit digits). Zero shifted by anything is zero."""

M = 2305843009213693945
for a in [1, 0, -3, 2**40]:
    for n in [2**40, 2**64, 30 * (M - 1), 30 * (M - 1) + 1, 30 * M, 30 * M + 1, 30 * 2**63 - 1, 2**70]:
        try:
            x = a << n
            print(a, n, x)
        except Exception as e:
            print(a, n, type(e).__name__, e)
