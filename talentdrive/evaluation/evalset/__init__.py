"""The project's judged set for matching: requisitions, resumes and graded relevance (see README.md)."""
