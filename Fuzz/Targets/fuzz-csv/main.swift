import FuzzHarness

FuzzDriver.main(.csv)
