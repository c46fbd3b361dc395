import FuzzHarness

FuzzDriver.main(.`where`)
