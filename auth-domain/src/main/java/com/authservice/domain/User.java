package com.authservice.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.OffsetDateTime;

/** An account that can sign in. */
@Entity
@Table(name = "users", uniqueConstraints = @UniqueConstraint(name = "uq_users_email", columnNames = "email"))
public class User {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", nullable = false)
  private Long id;

  @Column(name = "email", length = 255, nullable = false)
  private String email;

  @Column(name = "hashed_password", length = 255, nullable = false)
  private String hashedPassword;

  @Column(name = "full_name", length = 255)
  private String fullName;

  @Column(name = "phone_number", length = 20)
  private String phoneNumber;

  @Column(name = "is_active", nullable = false, options = "DEFAULT true")
  private Boolean isActive;

  @Column(name = "created_at", nullable = false, options = "DEFAULT now()")
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false, options = "DEFAULT now()")
  private OffsetDateTime updatedAt;
}
