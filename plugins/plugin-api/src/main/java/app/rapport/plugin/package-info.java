package app.rapport.plugin;
