"""trialmatch: find stage IV NSCLC clinical trials worth discussing with your doctor."""

__version__ = "0.1.0"
