"""The Textual layer: screens and widgets over the study core. Only this package imports textual."""
