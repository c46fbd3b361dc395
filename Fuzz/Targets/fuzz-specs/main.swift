import FuzzHarness

FuzzDriver.main(.specs)
