#include "suivi/config.h"
#include "suivi/ini.h"
#include "suivi/paths.h"
#include "suivi/xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* Every setting: section, key, and how to read it. */
enum setting_kind { SET_PATH, SET_TEXT, SET_COLOR, SET_DATEFMT };

struct setting {
	const char *section;
	const char *key;
	enum setting_kind kind;
};

static const struct setting settings[] = {
	{ "suivi", "base", SET_PATH },
	{ "suivi", "referent", SET_TEXT },
	{ "suivi", "commune", SET_TEXT },
	{ "suivi", "rapports", SET_PATH },
	{ "affichage", "couleurs", SET_COLOR },
	{ "affichage", "format_date", SET_DATEFMT },
	{ "evaluation", "expediteur", SET_TEXT },
	{ "evaluation", "fonction", SET_TEXT },
	{ "synchronisation", "dossier", SET_PATH },
};

#define N_SETTINGS (sizeof settings / sizeof settings[0])

static const struct setting *find(const char *section, const char *key)
{
	for (size_t i = 0; i < N_SETTINGS; i++)
		if (!strcasecmp(settings[i].section, section) &&
		    (!key || !strcmp(settings[i].key, key)))
			return &settings[i];
	return NULL;
}

static void apply(struct config *cfg, const struct setting *set,
		  const struct ini_entry *e, const char *path,
		  struct diag_list *errors)
{
	const char *v = e->value;

	switch (set->kind) {
	case SET_PATH:
		if (!strcmp(set->key, "dossier")) {
			if (!*v) {
				diag_add(errors, path, e->line,
					 "« dossier » est vide : donnez le dossier "
					 "d'échange des fichiers de "
					 "synchronisation");
				return;
			}
			free(cfg->sync_dir);
			cfg->sync_dir = paths_expand(v, path);
			return;
		}
		if (!strcmp(set->key, "rapports")) {
			if (!*v) {
				diag_add(errors, path, e->line,
					 "« rapports » est vide : donnez le "
					 "dossier des rapports");
				return;
			}
			free(cfg->reports_dir);
			cfg->reports_dir = paths_expand(v, path);
			return;
		}
		if (!*v) {
			diag_add(errors, path, e->line,
				 "« base » est vide : donnez le chemin du fichier "
				 "de la base");
			return;
		}
		free(cfg->db_path);
		cfg->db_path = paths_expand(v, path);
		return;
	case SET_TEXT: {
		char **slot = !strcmp(set->key, "referent") ? &cfg->referent
			    : !strcmp(set->key, "commune") ? &cfg->commune
			    : !strcmp(set->key, "expediteur") ? &cfg->sender
			    : &cfg->sender_function;

		free(*slot);
		*slot = *v ? xstrdup(v) : NULL;
		return;
	}
	case SET_COLOR:
		if (!strcasecmp(v, "oui"))
			cfg->color = COLOR_ON;
		else if (!strcasecmp(v, "non"))
			cfg->color = COLOR_OFF;
		else if (!strcasecmp(v, "auto"))
			cfg->color = COLOR_AUTO;
		else
			diag_add(errors, path, e->line,
				 "« couleurs » vaut oui, non ou auto, pas « %s »",
				 v);
		return;
	case SET_DATEFMT:
		if (!strcasecmp(v, "jj/mm/aaaa"))
			cfg->date_format = DATEFMT_FR;
		else if (!strcasecmp(v, "aaaa-mm-jj"))
			cfg->date_format = DATEFMT_ISO;
		else
			diag_add(errors, path, e->line,
				 "« format_date » vaut jj/mm/aaaa ou aaaa-mm-jj, "
				 "pas « %s »", v);
		return;
	}
}

int config_load(const char *explicit, struct config *cfg,
		struct diag_list *warnings, struct diag_list *errors)
{
	size_t before = errors->n;
	char *path = explicit ? xstrdup(explicit) : paths_default_config();
	struct ini_file f;

	memset(cfg, 0, sizeof *cfg);
	cfg->color = COLOR_AUTO;
	cfg->date_format = DATEFMT_FR;
	cfg->db_path = paths_default_db();
	cfg->reports_dir = paths_default_reports();
	if (path && !explicit && access(path, F_OK) != 0 && errno == ENOENT) {
		free(path);
		path = NULL;	/* no config file: defaults */
	}
	if (path) {
		if (ini_read(path, &f, errors) == 0) {
			for (size_t i = 0; i < f.n; i++) {
				const struct ini_section *s = &f.sections[i];

				if (!find(s->name, NULL)) {
					diag_add(warnings, path, s->line,
						 "avertissement : section [%s] "
						 "inconnue, ignorée (sections : "
						 "[suivi], [affichage], "
						 "[evaluation])", s->name);
					continue;
				}
				for (size_t k = 0; k < s->n; k++) {
					const struct setting *set =
						find(s->name, s->entries[k].key);

					if (!set)
						diag_add(warnings, path,
							 s->entries[k].line,
							 "avertissement : clé « %s » "
							 "inconnue dans [%s], ignorée",
							 s->entries[k].key, s->name);
					else
						apply(cfg, set, &s->entries[k],
						      path, errors);
				}
			}
		}
		ini_file_release(&f);
		cfg->path = path;
	}
	return errors->n > before ? -1 : 0;
}

void config_release(struct config *cfg)
{
	free(cfg->path);
	free(cfg->db_path);
	free(cfg->referent);
	free(cfg->commune);
	free(cfg->reports_dir);
	free(cfg->sync_dir);
	free(cfg->sender);
	free(cfg->sender_function);
	memset(cfg, 0, sizeof *cfg);
}
