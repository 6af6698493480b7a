"""TCP and UDP on loopback from Python: a server thread-free design (fork) so each process's calls are fixed."""
import os
import socket

TCP_PORT = 23463
UDP_PORT = 23464

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", TCP_PORT))
srv.listen(1)
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
udp.bind(("127.0.0.1", UDP_PORT))
pid = os.fork()
if pid == 0:
    c = socket.create_connection(("127.0.0.1", TCP_PORT))
    c.sendall(b"hello over tcp")
    c.recv(64)
    c.close()
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.sendto(b"hello over udp", ("127.0.0.1", UDP_PORT))
    u.close()
    os._exit(0)
conn, _ = srv.accept()
conn.sendall(conn.recv(64).upper())
conn.close()
udp.recvfrom(64)
os.waitpid(pid, 0)
srv.close()
udp.close()
