package app.rapport.domain;
