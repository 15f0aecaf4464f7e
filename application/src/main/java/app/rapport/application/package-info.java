package app.rapport.application;
