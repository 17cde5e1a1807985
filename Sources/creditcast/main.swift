print("cc")
