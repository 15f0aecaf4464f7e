package app.rapport.api;
