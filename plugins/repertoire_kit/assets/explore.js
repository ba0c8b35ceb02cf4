/* Explore page filters: filled in by the browser work. */
