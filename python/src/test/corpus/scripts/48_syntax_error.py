# A script that does not compile: CPython prints the SyntaxError without a traceback header, status 1.
print("this line never runs because the file does not compile")
def broken(:
    pass
