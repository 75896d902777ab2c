"""Reports: data built from the services (Qt-free), rendered to Excel and PDF."""
