package de.weserems.integration.dashboard.base.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Remembers verified logins for a short while, so that HTTP basic on the read API (one login per request)
 * costs one bcrypt per script and {@code verifiedFor}, not one per request: bcrypt is slow on purpose, and
 * each request paying it would be a cheap way to exhaust the CPU.
 *
 * <p>The key is the user name and an HMAC-SHA256 of user name and password under a random key made at
 * start: the password itself is never kept, and the HMAC is worthless outside this process. Another
 * password gives another key, so a wrong password is never answered from the cache. A remembered login
 * is used only while the user's stored password hash and state are still those it was verified against;
 * otherwise it is dropped and verified afresh. The cache is capped and entries expire.
 */
final class CachingAuthenticationProvider implements AuthenticationProvider {

    /**
     * What a verification was made against (the stored hash at that time) and the authorities it added
     * beyond the user's roles (Spring Security's {@code FACTOR_PASSWORD}, stamped with when it was verified).
     */
    private record Verified(String passwordHash, List<GrantedAuthority> factors) {
    }

    private final AuthenticationProvider delegate;
    private final UserDetailsService users;
    private final Cache<String, Verified> verified;
    private final SecretKeySpec key;

    CachingAuthenticationProvider(AuthenticationProvider delegate, UserDetailsService users, Duration verifiedFor,
                                  int capacity) {
        this.delegate = delegate;
        this.users = users;
        this.verified = Caffeine.newBuilder().maximumSize(capacity).expireAfterWrite(verifiedFor).build();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        String name = authentication.getName();
        String cacheKey = name + ":" + hmac(name, password);
        if (verified.getIfPresent(cacheKey) instanceof Verified v) {
            UserDetails current = current(name);
            if (current != null && usable(current) && v.passwordHash().equals(current.getPassword())) {
                List<GrantedAuthority> authorities = new ArrayList<>(current.getAuthorities());
                authorities.addAll(v.factors());
                UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
                        current, null, authorities);
                result.setDetails(authentication.getDetails());
                return result;
            }
            verified.invalidate(cacheKey);
        }
        Authentication result = delegate.authenticate(authentication);
        UserDetails current = current(name);
        if (result != null && result.isAuthenticated() && current != null) {
            List<GrantedAuthority> factors = result.getAuthorities().stream()
                    .filter(a -> !current.getAuthorities().contains(a)).map(a -> (GrantedAuthority) a).toList();
            verified.put(cacheKey, new Verified(current.getPassword(), factors));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    /** A fresh copy of the stored user (the user store hands out copies; callers may erase their password). */
    private UserDetails current(String name) {
        try {
            return users.loadUserByUsername(name);
        } catch (UsernameNotFoundException gone) {
            return null;
        }
    }

    private static boolean usable(UserDetails user) {
        return user.isEnabled() && user.isAccountNonLocked() && user.isAccountNonExpired()
                && user.isCredentialsNonExpired();
    }

    private String hmac(String name, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
