package com.authservice.migrate.result;

public enum Direction {
  UP, DOWN
}
