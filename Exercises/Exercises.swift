import D2L
