# A knot space template after knot's own ${{ }} substitution: a docker IDE plus a raw_exec helper.
job "space-4f1c" {
  datacenters = ["dc1"]
  namespace   = "dev"
  type        = "service"

  meta {
    space = "4f1c"
  }

  group "code" {
    count = 1

    network {
      port "http" {
        to = 3000
      }
      port "ssh" {
        static = 2222
      }
    }

    volume "home" {
      type            = "csi"
      source          = "home-4f1c"
      access_mode     = "single-node-writer"
      attachment_mode = "file-system"
    }

    task "ide" {
      driver = "docker"

      config {
        image    = "paularlott/knot-ubuntu:24.04"
        ports    = ["http", "ssh"]
        hostname = "my-space"
      }

      env {
        KNOT_SERVER  = "https://knot.example.com"
        KNOT_SPACEID = "4f1c"
        NODE         = "${node.unique.name}"
      }

      template {
        destination = "local/agent.yml"
        data        = <<EOH
port: {{ env "NOMAD_PORT_http" }}
alloc: ${NOMAD_ALLOC_ID}
EOH
      }

      template {
        destination = "local/empty"
        data        = ""
        change_mode = "restart"
      }

      volume_mount {
        volume      = "home"
        destination = "/home"
      }

      resources {
        cpu    = 500
        memory = 1024
      }

      service {
        name = "knot-4f1c"
        port = "http"
        tags = ["knot"]

        check {
          type     = "http"
          path     = "/ping"
          interval = "10s"
          timeout  = "2s"
        }
      }
    }

    task "helper" {
      driver       = "raw_exec"
      kill_timeout = "20s"

      config {
        command = "/bin/sh"
        args    = ["-c", "echo ${NOMAD_PORT_http} > ${NOMAD_ALLOC_DIR}/port; sleep 60"]
      }
    }
  }
}
