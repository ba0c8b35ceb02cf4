"""Helpers shared by the tests: throwaway sites, readers of built pages, independent readings
of the sample (the oracles), and hostile inputs.

Test modules import helpers from here, never from a conftest.py or from another test module;
conftest.py files hold fixtures only. Each oracle is written once (for example the brute-force
ranking of related entries in `related`).
"""
