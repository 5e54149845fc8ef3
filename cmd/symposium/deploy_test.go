package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"symposium/internal/store/storetest"
)

// TestDeploymentBehindNginx runs the deployment of deploy/: two instances
// on one PostgreSQL database behind nginx with the configuration of
// deploy/nginx (TLS ended by nginx), sends a registration rush through the
// proxy, kills one instance with SIGKILL in the middle and checks that
// nginx fails over to the other (registrations keep being answered 201),
// that every registration answered 201 is stored with the status it was
// told, that the counters agree with the rows, and that search still
// answers through the proxy. Without nginx it is skipped, except under
// CI=true, where nginx is installed.
func TestDeploymentBehindNginx(t *testing.T) {
	nginx, err := exec.LookPath("nginx")
	if err != nil {
		nginx = "/usr/sbin/nginx"
		if _, err := os.Stat(nginx); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatal("nginx is not installed: CI must run the deployment test")
			}
			t.Skip("nginx is not installed: the deployment test needs Debian's nginx")
		}
	}
	dsn := storetest.PostgresURL(t)
	slug, category := rushEventAt(t, dsn)
	a, b := freeAddr(t), freeAddr(t)
	first := startInstance(t, dsn, a)
	second := startInstance(t, dsn, b)
	defer stopInstance(second)
	base := startNginx(t, nginx, a, b)
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, MaxIdleConnsPerHost: 64}}

	var (
		mu        sync.Mutex
		told      = map[string]string{}
		afterKill int
		killed    bool
		stop      = make(chan struct{})
		wg        sync.WaitGroup
	)
	for c := 0; c < 32; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				email := fmt.Sprintf("n%02d-%05d@example.org", c, i)
				if status, ok := registerVia(client, base, slug, category, email); ok {
					mu.Lock()
					told[email] = status
					if killed {
						afterKill++
					}
					mu.Unlock()
				}
			}
		}(c)
	}
	waitFor := func(what string, cond func() bool) {
		for deadline := time.Now().Add(60 * time.Second); !cond(); time.Sleep(20 * time.Millisecond) {
			if time.Now().After(deadline) {
				close(stop)
				wg.Wait()
				t.Fatalf("timed out waiting for %s", what)
			}
		}
	}
	waitFor("200 answers before the kill", func() bool { mu.Lock(); defer mu.Unlock(); return len(told) >= 200 })
	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = first.Wait()
	mu.Lock()
	killed = true
	mu.Unlock()
	waitFor("200 answers after the kill", func() bool { mu.Lock(); defer mu.Unlock(); return afterKill >= 200 })
	close(stop)
	wg.Wait()

	checkRegistrations(t, dsn, slug, told)
	resp, err := client.Get(base + "/api/v1/search?type=person&q=" + "Crash")
	if err != nil || resp.StatusCode != 200 {
		t.Errorf("search through the proxy after the kill: %v %v", resp, err)
	}
	if resp != nil {
		resp.Body.Close()
	}
	t.Logf("%d registrations answered, %d after the kill", len(told), afterKill)
}

// startInstance runs "symposium serve" as a process of its own on dsn,
// behind a proxy, and waits until it answers.
func startInstance(t *testing.T, dsn, addr string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "serve", "--addr", addr, "--db", dsn)
	cmd.Env = append(os.Environ(), "SYMPOSIUM_TEST_AS_MAIN=1", "SYMPOSIUM_LOG_LEVEL=error", "SYMPOSIUM_NO_CLIENT_LIMITS=1",
		"SYMPOSIUM_TRUST_PROXY=true")
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _, _ = cmd.Process.Wait() })
	for i := 0; i < 200; i++ {
		if resp, err := http.Get("http://" + addr + "/healthz"); err == nil {
			resp.Body.Close()
			return cmd
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the instance did not start")
	return nil
}

func stopInstance(cmd *exec.Cmd) {
	_ = cmd.Process.Signal(syscall.SIGTERM)
	_ = cmd.Wait()
}

// startNginx runs nginx in the foreground with deploy/nginx/symposium.conf,
// its upstreams, ports and certificate replaced by the test's, and returns
// the HTTPS address it serves.
func startNginx(t *testing.T, nginx, a, b string) string {
	t.Helper()
	conf, err := os.ReadFile("../../deploy/nginx/symposium.conf")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cert, key := selfSigned(t, dir)
	https, plain := freeAddr(t), freeAddr(t)
	site := strings.NewReplacer(
		"127.0.0.1:8081", a, "127.0.0.1:8082", b,
		"listen 443 ssl http2;", "listen "+https+" ssl http2;", "listen [::]:443 ssl http2;", "",
		"listen 80;", "listen "+plain+";", "listen [::]:80;", "",
		"/etc/letsencrypt/live/symposium.example.org/fullchain.pem", cert,
		"/etc/letsencrypt/live/symposium.example.org/privkey.pem", key,
	).Replace(string(conf))
	main := fmt.Sprintf(`daemon off;
pid %[1]s/nginx.pid;
error_log stderr error;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path %[1]s/body;
    proxy_temp_path %[1]s/proxy;
    fastcgi_temp_path %[1]s/fastcgi;
    uwsgi_temp_path %[1]s/uwsgi;
    scgi_temp_path %[1]s/scgi;
%[2]s
}
`, dir, site)
	path := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(path, []byte(main), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(nginx, "-p", dir, "-c", path, "-e", "stderr")
	var errOut syncBuffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Signal(syscall.SIGQUIT); _ = cmd.Wait() })
	base := "https://" + https
	client := &http.Client{Timeout: time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	for i := 0; i < 100; i++ {
		if resp, err := client.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return base
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("nginx did not start:\n%s", errOut.String())
	return ""
}

// selfSigned writes a certificate for 127.0.0.1 and its key.
func selfSigned(t *testing.T, dir string) (string, string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "symposium.test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	cert, keyPath := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(cert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyPath, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600); err != nil {
		t.Fatal(err)
	}
	return cert, keyPath
}
