/*
 * fuzz_config.c - suivi.ini: config_load on a file holding the input, as
 * `suivi --config FILE` reads it. HOME and XDG are pinned so that every
 * run resolves the same defaults.
 */
#include "fuzz.h"

#include "suivi/config.h"

static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("HOME", "/nonexistent/home", 1);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("XDG_DATA_HOME");
	devnull = fopen("/dev/null", "w");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cfg;
	struct diag_list warnings, errors;
	char path[64];
	int fd = fuzz_memfd(data, size, path, sizeof path);
	int rc;

	if (fd < 0)
		return 0;
	diag_list_init(&warnings);
	diag_list_init(&errors);
	rc = config_load(path, &cfg, &warnings, &errors);
	FUZZ_CHECK((rc == 0) == (errors.n == 0), "rc %d with %zu errors", rc,
		   errors.n);
	FUZZ_CHECK(cfg.path && !strcmp(cfg.path, path), "path not kept");
	FUZZ_CHECK(cfg.color == COLOR_AUTO || cfg.color == COLOR_ON ||
		   cfg.color == COLOR_OFF, "color %d", (int)cfg.color);
	diag_list_print(&warnings, devnull);
	diag_list_print(&errors, devnull);
	config_release(&cfg);
	diag_list_release(&warnings);
	diag_list_release(&errors);
	close(fd);
	return 0;
}
